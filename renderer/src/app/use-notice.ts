import { useEffect, useRef, useState } from 'react';
import type { Feedback } from '../../../shared/contract';
import { playFeedbackSound } from '../feedback-sound';
import type { TransportError } from './use-actions';

export interface Notice {
  key: string;
  ok: boolean;
  message: string;
  code: string | null;
}

/**
 * The one sentence the cashier is shown now: the feedback main sent for the last action, or, when
 * a request got no answer at all, that. Each new one is also heard. The feedback already there
 * when the screen opens is shown but not sounded, since it is not news.
 */
export function useNotice(feedback: Feedback | null | undefined, transportError: TransportError | null): Notice | null {
  const [notice, setNotice] = useState<Notice | null>(null);
  const seenFeedback = useRef<number | null | undefined>(undefined);

  // undefined: no state yet; null: main has reported nothing since it started.
  const seq = feedback === undefined ? undefined : (feedback?.seq ?? null);
  useEffect(() => {
    if (seq === undefined) return;
    const isNews = seenFeedback.current !== undefined && seq !== seenFeedback.current;
    const isFirst = seenFeedback.current === undefined;
    seenFeedback.current = seq;
    if (!feedback || !(isNews || isFirst)) return;
    if (isNews) playFeedbackSound(feedback.ok);
    setNotice({ key: `feedback-${feedback.seq}`, ok: feedback.ok, message: feedback.message, code: feedback.code });
  }, [seq]);

  useEffect(() => {
    if (!transportError) return;
    playFeedbackSound(false);
    setNotice({ key: `transport-${transportError.seq}`, ok: false, message: transportError.message, code: null });
  }, [transportError]);

  return notice;
}
