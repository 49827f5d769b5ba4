import { useEffect, useRef } from 'react';
import type { CounterApi, EventName, EventPayload } from '../../../shared/contract';

/** Listens to one of main's events while the component is mounted; the latest listener is always the one called. */
export function useEvent<N extends EventName>(api: CounterApi, name: N, listener: (payload: EventPayload<N>) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(name, (payload) => latest.current(payload)), [api, name]);
}
