import { useEffect, useState } from 'react';

/** The screen in front; the settings area reads its own section from the rest of the hash. */
export type Route = { screen: 'checkout' } | { screen: 'picking' } | { screen: 'settings' };

/** Screens live in the URL hash, so a reload stays on the same screen. */
export function parseRoute(hash: string): Route {
  const [screen] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'picking' || screen === 'settings') return { screen };
  return { screen: 'checkout' };
}

export function useRoute(): [Route] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route];
}
