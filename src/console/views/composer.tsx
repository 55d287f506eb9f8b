/**
 * The reply composer on a complaint page: a saved reply to start from (a select and "Use", which
 * redraws the composer with its text filled in for this complaint; the script does the same in
 * place), the reply box, and the SMS the citizen will get with its length and parts.
 */
import type { Lang } from '../../text/translate';
import type { ReplyPreview, SavedReplyChoice } from '../core/composer';
import { t } from '../core/words';
import { describedBy, Field, PostForm } from './forms';

export function PreviewBlock({ lang, preview }: { lang: Lang; preview: ReplyPreview }) {
  return (
    <div>
      <p class="label">{t('complaint.replyPreview', lang)}</p>
      <div class="sms-preview">{preview.body}</div>
      <p class="hint">
        {t('complaint.replyLength', lang, { chars: preview.length, parts: preview.parts })}
      </p>
      {preview.notGsm.length > 0 && (
        <p class="error-message">
          {t('complaint.replyNotGsm', lang, { chars: preview.notGsm.join(' ') })}
        </p>
      )}
    </div>
  );
}

/** What the reply box held, its preview, and the saved reply it started from, when redrawn. */
export interface ReplyDraft {
  message: string;
  preview: ReplyPreview;
  savedReplyId?: number;
}

export interface ComposerView {
  lang: Lang;
  number: string;
  csrf: string;
  savedReplies: SavedReplyChoice[];
  draft?: ReplyDraft | undefined;
  fieldError?: { field: string; text: string } | undefined;
}

function SavedReplyPicker({ v }: { v: ComposerView }) {
  const { lang } = v;
  const hint = t('complaint.savedReplyHint', lang);
  const err = v.fieldError?.field === 'reply-saved' ? v.fieldError.text : undefined;
  return (
    <div class="saved-reply">
      <Field id="reply-saved" label={t('complaint.savedReply', lang)} hint={hint} error={err}>
        <select
          id="reply-saved"
          name="savedChoice"
          aria-describedby={describedBy('reply-saved', hint, err)}
        >
          <option value="">{t('complaint.savedReplyChoose', lang)}</option>
          {v.savedReplies.map((r) => (
            <option
              key={r.id}
              value={String(r.id)}
              data-text={r.text}
              selected={r.id === v.draft?.savedReplyId}
            >
              {r.title}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" name="use" value="1" class="secondary" data-use-saved="reply-saved">
        {t('complaint.savedReplyUse', lang)}
      </button>
    </div>
  );
}

export function Composer({ v }: { v: ComposerView }) {
  const { lang } = v;
  const hint = t('complaint.replyHint', lang);
  const err = v.fieldError?.field === 'reply-message' ? v.fieldError.text : undefined;
  return (
    <PostForm action={`/console/c/${v.number}/reply`} csrf={v.csrf}>
      {v.savedReplies.length > 0 && <SavedReplyPicker v={v} />}
      <Field id="reply-message" label={t('complaint.reply', lang)} hint={hint} error={err}>
        <textarea
          id="reply-message"
          name="message"
          rows={4}
          maxLength={1000}
          aria-describedby={describedBy('reply-message', hint, err)}
          data-sms-preview="reply-preview"
          data-preview-url={`/console/c/${v.number}/preview`}
        >
          {v.draft?.message ?? ''}
        </textarea>
      </Field>
      <input type="hidden" name="savedReply" value={String(v.draft?.savedReplyId ?? '')} />
      <div id="reply-preview" aria-live="polite">
        {v.draft && <PreviewBlock lang={lang} preview={v.draft.preview} />}
      </div>
      <button type="submit" name="preview" value="1" class="secondary">
        {t('complaint.previewButton', lang)}
      </button>
      <button type="submit">{t('complaint.replyButton', lang)}</button>
    </PostForm>
  );
}
