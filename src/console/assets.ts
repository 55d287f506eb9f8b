/**
 * The console's stylesheet and its one small script, served by Kero itself (no CDN, no web
 * fonts) under names that carry a hash of their content, so browsers keep them for a year.
 * Every page works without the script: it only adds conveniences (live SMS preview, a saved
 * reply put in the reply box in place, councils of the chosen region, select all).
 */
import { createHash } from 'node:crypto';

const CSS = `
:root{--ink:#0b0c0c;--muted:#505a5f;--line:#b1b4b6;--bg:#f3f2f1;--brand:#00703c;--brand-dark:#005a30;
--link:#1d70b8;--focus:#ffdd00;--red:#d4351c;--amber:#b35900;--paper:#fff}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:16px;
line-height:1.4;color:var(--ink);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid var(--focus);
outline-offset:0;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:var(--focus);padding:8px;z-index:9}
header.top{background:var(--ink);color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;
align-items:center}
header.top a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:auto}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.main a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.who{font-size:.9rem;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.who form{display:inline}
.linkish{background:none;border:0;color:inherit;text-decoration:underline;font:inherit;cursor:pointer;padding:0}
main{max-width:1180px;margin:0 auto;padding:16px}
h1{font-size:1.75rem;margin:8px 0 16px}
h2{font-size:1.3rem;margin:24px 0 8px}
.panel{background:var(--paper);border:1px solid var(--line);padding:16px;margin:0 0 16px}
.grid{display:grid;gap:16px}
@media (min-width:900px){.grid.two{grid-template-columns:2fr 1fr}}
label,.label{display:block;font-weight:700;margin:12px 0 4px}
.hint{color:var(--muted);margin:0 0 4px;font-size:.95rem;overflow-wrap:anywhere}
.hint.vars{margin-top:12px}
input[type=text],input[type=tel],input[type=date],input[type=search],select,textarea{font:inherit;
padding:6px 8px;border:2px solid var(--ink);width:100%;max-width:32rem;background:#fff}
textarea{min-height:6rem}
input.short{max-width:10rem}
.error-field{border-left:4px solid var(--red);padding-left:12px}
.error-message{color:var(--red);font-weight:700;margin:4px 0}
.error-summary{border:4px solid var(--red);padding:12px 16px;margin:0 0 16px;background:#fff}
.error-summary h2{margin-top:0}
.notice{border-left:6px solid var(--brand);background:#fff;padding:10px 16px;margin:0 0 16px}
button,.button{font:inherit;background:var(--brand);color:#fff;border:0;border-bottom:2px solid #002d18;
padding:8px 14px;cursor:pointer;margin:12px 8px 0 0;display:inline-block;text-decoration:none}
button:hover,.button:hover{background:var(--brand-dark)}
button.secondary,.button.secondary{background:#e8e9ea;color:var(--ink);border-bottom-color:#929191}
button.warning,.button.warning{background:var(--red);border-bottom-color:#55150b}
fieldset{border:0;padding:0;margin:0}
legend{font-weight:700;margin:12px 0 4px}
.radios label,.checks label{display:flex;gap:8px;align-items:center;font-weight:400;margin:4px 0}
.tabs{list-style:none;margin:0 0 12px;padding:0;display:flex;flex-wrap:wrap;gap:4px;border-bottom:1px solid var(--line)}
.tabs a{display:block;padding:8px 12px;text-decoration:none;border:1px solid transparent;border-bottom:0}
.tabs a[aria-current=page]{background:#fff;border-color:var(--line);color:var(--ink);font-weight:700;
margin-bottom:-1px}
.count{display:inline-block;min-width:1.6em;padding:0 6px;margin-left:4px;border-radius:9px;background:#e8e9ea;
color:var(--ink);font-size:.85rem;text-align:center}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid var(--line)}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:8px}
th,td{text-align:left;padding:8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f8f8f8}
td.num,th.num{text-align:right}
.badge{display:inline-block;padding:1px 8px;font-weight:700;font-size:.85rem;border:2px solid currentColor}
.badge.overdue{color:var(--red)}.badge.soon{color:var(--amber)}.badge.ok{color:var(--brand)}
.badge.done{color:var(--muted)}
tr.overdue>td:first-child{box-shadow:inset 4px 0 0 var(--red)}
.nowrap{white-space:nowrap}
.filters{display:grid;gap:0 16px;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr))}
.filters select,.filters input{max-width:none}
details summary{cursor:pointer;font-weight:700;margin:8px 0}
.search{display:flex;gap:8px;align-items:flex-end;flex-wrap:wrap}
.search input{max-width:24rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{font-weight:700}dl.facts dd{margin:0}
ol.timeline{list-style:none;margin:0;padding:0}
ol.timeline li{border-left:3px solid var(--line);padding:4px 0 12px 12px;margin-left:4px}
ol.timeline li.note{border-left-color:var(--amber);background:#fff7e6}
ol.timeline li.citizen{border-left-color:var(--link)}
ol.timeline li.sms{border-left-color:var(--brand)}
.meta{color:var(--muted);font-size:.9rem}
blockquote{margin:4px 0;padding:4px 12px;border-left:3px solid var(--line);background:#fff;white-space:pre-wrap}
.sms-preview{font-family:ui-monospace,Menlo,Consolas,monospace;background:#fff;border:1px dashed var(--ink);
padding:8px;white-space:pre-wrap;max-width:32rem}
.pager{display:flex;gap:16px;margin:12px 0}
.muted{color:var(--muted)}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:6px 0;border-bottom:1px solid var(--line)}
a.similar{font-size:.85rem;display:block}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;
clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
form.inline{display:inline}
button.small{padding:2px 8px;margin:0 0 0 8px;font-size:.9rem}
footer{max-width:1180px;margin:24px auto;padding:0 16px;color:var(--muted);font-size:.9rem}
@media (max-width:640px){table.cards thead{position:absolute;left:-9999px}
table.cards tr{display:block;border-bottom:2px solid var(--line);padding:6px 0}
table.cards td{display:flex;gap:8px;border:0;padding:2px 8px}
table.cards td[data-label]::before{content:attr(data-label);font-weight:700;min-width:7.5rem;flex-shrink:0}
table.cards td.num{text-align:left}
table.cards tr.overdue{box-shadow:inset 4px 0 0 var(--red)}table.cards tr.overdue>td:first-child{box-shadow:none}
table.cards th[scope=row]{display:block;border:0;background:none;padding:4px 8px}
table.cards.inline tr{display:flex;flex-wrap:wrap;column-gap:16px}
table.cards.inline th[scope=row]{flex:1 0 100%}
table.cards.inline td{font-weight:700;white-space:nowrap}
table.cards.inline td[data-label]::before{min-width:0;flex-shrink:1;font-weight:400;white-space:normal}
.table-wrap{overflow-x:visible}}
ul.tiles{list-style:none;margin:0 0 16px;padding:0;display:grid;gap:8px;
grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr))}
ul.tiles a{display:flex;flex-direction:column;height:100%;background:#fff;border:1px solid var(--line);
border-top:4px solid var(--brand);padding:10px 12px;text-decoration:none;color:var(--ink)}
ul.tiles a:hover .tile-label{text-decoration:underline}
.tile-value{font-size:1.5rem;font-weight:700;line-height:1.2}
.tile-label{color:var(--link);font-weight:700}
.tile-hint{color:var(--muted);font-size:.85rem}
.lead{font-size:1.05rem}
section.pair{display:grid;grid-template-columns:minmax(0,1fr);gap:8px 24px;align-items:start;margin-bottom:8px}
.table-wrap.dash{overflow-x:auto}
section.pair h2{grid-column:1/-1;margin-bottom:0}
section.pair figure{margin:0;background:#fff;border:1px solid var(--line);padding:8px}
@media (min-width:900px){section.pair{grid-template-columns:minmax(0,20rem) minmax(0,1fr)}
section.pair.wide>div,section.pair.stacked>div{grid-column:1/-1}
section.pair.stacked figure{grid-column:1/-1;max-width:20rem}}
svg.chart{display:block;width:100%;max-width:24rem;height:auto;font-size:14px}
.table-wrap.dash th,.table-wrap.dash td{padding:6px}
svg.chart .bar{fill:var(--brand)}svg.chart .bar.alt{fill:var(--link)}
svg.chart .axis{stroke:var(--muted)}
svg.chart .chart-label{fill:var(--ink);font-weight:700}
svg.chart .chart-value,svg.chart .chart-axis{fill:var(--ink)}
svg.chart .chart-axis{font-size:12px}
p.downloads{display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0 16px}
@media print{header.top,nav,.no-print,form{display:none}body{background:#fff}
main{max-width:none;padding:0}section.pair,figure,table{break-inside:avoid}
ul.tiles a{border-color:#000}a{color:var(--ink);text-decoration:none}p.downloads{display:none}
svg.chart .bar{fill:#333}svg.chart .bar.alt{fill:#999}.table-wrap{overflow:visible;border:0}}
`;

const JS = `
(function(){
  function debounce(f,ms){var t;return function(){clearTimeout(t);var a=arguments;t=setTimeout(function(){f.apply(null,a)},ms)}}
  var reply=document.querySelector('[data-sms-preview]');
  if(reply&&window.fetch){
    var form=reply.form,out=document.getElementById(reply.getAttribute('data-sms-preview'));
    var show=debounce(function(){
      var data=new URLSearchParams();data.set('message',reply.value);
      data.set('_csrf',form.querySelector('[name=_csrf]').value);
      fetch(reply.getAttribute('data-preview-url'),{method:'POST',credentials:'same-origin',
        headers:{'Content-Type':'application/x-www-form-urlencoded'},body:data.toString()})
        .then(function(r){return r.ok?r.text():null}).then(function(h){if(h!==null&&out){out.innerHTML=h}});
    },300);
    reply.addEventListener('input',show);
  }
  var use=document.querySelector('[data-use-saved]');
  if(reply&&use){
    use.addEventListener('click',function(e){
      var pick=document.getElementById(use.getAttribute('data-use-saved'));
      var opt=pick&&pick.options[pick.selectedIndex];
      if(!opt||!opt.value)return;
      e.preventDefault();
      reply.value=opt.getAttribute('data-text')||'';
      var from=reply.form.querySelector('[name=savedReply]');if(from)from.value=opt.value;
      reply.dispatchEvent(new Event('input'));reply.focus();
    });
  }
  var region=document.querySelector('[data-region-select]');
  var council=document.querySelector('[data-council-select]');
  if(region&&council){
    var all=[].slice.call(council.querySelectorAll('optgroup'));
    var filter=function(){all.forEach(function(g){var on=!region.value||g.getAttribute('data-region')===region.value;
      g.hidden=!on;g.disabled=!on;});};
    region.addEventListener('change',function(){council.value='';filter();});filter();
  }
  var every=document.querySelector('[data-select-all]');
  if(every){every.hidden=false;every.querySelector('input').addEventListener('change',function(e){
    [].slice.call(document.querySelectorAll('input[name=numbers]')).forEach(function(c){c.checked=e.target.checked;});});}
})();
`;

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

export interface Asset {
  path: string;
  type: string;
  body: string;
}

export const STYLESHEET: Asset = {
  path: `/console/assets/console.${hash(CSS)}.css`,
  type: 'text/css; charset=utf-8',
  body: CSS.trim(),
};

export const SCRIPT: Asset = {
  path: `/console/assets/console.${hash(JS)}.js`,
  type: 'text/javascript; charset=utf-8',
  body: JS.trim(),
};

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#00703c"/>' +
  '<path d="M9 7h4v8l7-8h5l-8 9 8 9h-5l-7-8v8H9z" fill="#fff"/></svg>';

export const ICON: Asset = {
  path: `/console/assets/icon.${hash(SVG)}.svg`,
  type: 'image/svg+xml',
  body: SVG,
};
