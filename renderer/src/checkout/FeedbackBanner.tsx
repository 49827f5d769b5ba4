import type { Notice } from '../app/use-notice';

/** The sentence for the last action, green when it was accepted and red when refused. */
export function FeedbackBanner({ notice }: { notice: Notice | null }) {
  if (!notice || notice.message === '') return null;
  return (
    <div
      key={notice.key}
      className={`feedback ${notice.ok ? 'feedback-ok' : 'feedback-refused'}`}
      data-testid="feedback"
      data-ok={String(notice.ok)}
      data-code={notice.code ?? ''}
      role={notice.ok ? 'status' : 'alert'}
    >
      <span className="feedback-icon" aria-hidden="true">
        {notice.ok ? '✓' : '!'}
      </span>
      <span className="feedback-message">{notice.message}</span>
      {notice.code && <span className="feedback-code">{notice.code}</span>}
    </div>
  );
}
