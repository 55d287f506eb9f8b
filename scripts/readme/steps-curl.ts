/** The checks of "Try it with curl": each dial's screen, the filing stored, tracking. */
import type { Ran } from './processes';
import { same, says, spaced, textValue, value, type State, type Step } from './step';

const FILING = "ussd demo1 '1*1*1*1*3*Olasiti*Maji hayatoki tangu wiki iliyopita";

/** A step whose answer must start with `prefix` (CON/END) and show every one of `texts`. */
const screen =
  (prefix: 'CON ' | 'END ', ...texts: string[]) =>
  (ran: Ran): string[] => [
    ...says(ran, ...texts),
    ...(ran.output.startsWith(prefix) ? [] : [`answer does not start with ${prefix.trim()}`]),
  ];

function filed(ran: Ran, s: State): string[] {
  s.curlNumber = textValue(
    s,
    "SELECT number FROM complaints WHERE citizen_phone = '+255754000001'",
  );
  return [
    ...screen('END ', spaced(s.curlNumber))(ran),
    ...same(
      'the filing',
      value(s, 'SELECT council_code FROM complaints WHERE number = ?', s.curlNumber),
      'ARU-ARC',
    ),
  ];
}

export const curlSteps: Step[] = [
  {
    command: 'T=<token>; U="http://localhost:3000/ussd?token=$T"',
    how: 'shell',
    check: (ran) => says(ran),
  },
  {
    command:
      'ussd() { curl -s "$U" --data-urlencode "sessionId=$1" --data-urlencode \'serviceCode=*384*1234#\' ' +
      '--data-urlencode \'phoneNumber=+255754000001\' -d networkCode=64004 --data-urlencode "text=$2"; echo; }',
    how: 'shell',
    check: (ran) => says(ran),
  },
  { command: "ussd demo1 ''", how: 'shell', check: screen('CON ', 'Kiswahili', 'English') },
  { command: "ussd demo1 '1'", how: 'shell', check: screen('CON ', 'Wasilisha lalamiko') },
  {
    command: "ussd demo1 '1*1'",
    how: 'shell',
    check: screen('CON ', 'Chagua mkoa', 'Arusha', '98'),
  },
  {
    command: "ussd demo1 '1*1*1'",
    how: 'shell',
    check: screen('CON ', 'Chagua halmashauri', 'Arusha Jiji'),
  },
  { command: "ussd demo1 '1*1*1*1'", how: 'shell', check: screen('CON ', 'Maji') },
  { command: "ussd demo1 '1*1*1*1*3'", how: 'shell', check: screen('CON ', 'kata au kijiji') },
  { command: "ussd demo1 '1*1*1*1*3*Olasiti'", how: 'shell', check: screen('CON ') },
  { command: `${FILING}'`, how: 'shell', check: screen('CON ', 'Ungependa kujulikana?') },
  { command: `${FILING}*1'`, how: 'shell', check: screen('CON ', 'Thibitisha', 'Olasiti', 'Tuma') },
  { command: `${FILING}*1*1'`, how: 'shell', check: filed },
  {
    command: "ussd demo2 ''; ussd demo2 '2'; ussd demo2 '2*<number>'",
    how: 'shell',
    check: (ran, s) => says(ran, 'Weka namba ya lalamiko', spaced(s.curlNumber), 'Hali:'),
  },
  {
    command: "ussd demo3 '<number>'",
    how: 'shell',
    check: (ran, s) => screen('END ', spaced(s.curlNumber), 'Arusha Jiji')(ran),
  },
  { command: "ussd demo4 '1'", how: 'shell', check: screen('CON ', 'Chagua mkoa') },
];
