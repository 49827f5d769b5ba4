import { useCallback, useState } from 'react';
import type { CounterApi, RequestInput, RequestName, RequestOutput } from '../../../shared/contract';

export interface TransportError {
  /** Counts up, so the same sentence twice is shown (and heard) twice. */
  seq: number;
  message: string;
}

export type Send = <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestOutput<N> | null>;

/**
 * Sends intents to main. What an intent did comes back as the next state (with its feedback);
 * only a request that never got an answer is reported here, so the screen can say so.
 */
export function useSend(api: CounterApi): { send: Send; transportError: TransportError | null } {
  const [transportError, setTransportError] = useState<TransportError | null>(null);
  const send = useCallback<Send>(
    async (name, input) => {
      try {
        return await api.request(name, input);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setTransportError((previous) => ({ seq: (previous?.seq ?? 0) + 1, message }));
        return null;
      }
    },
    [api],
  );
  return { send, transportError };
}
