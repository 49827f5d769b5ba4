import { useEffect, useState } from 'react';
import { SETTINGS_SECTIONS, type SettingsSection } from '../settings/SettingsScreen';

export type Route = { screen: 'checkout' } | { screen: 'picking' } | { screen: 'settings'; section: SettingsSection };

/** Screens live in the URL hash, so a reload stays on the same screen. */
export function parseRoute(hash: string): Route {
  const [screen, section] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'picking') return { screen: 'picking' };
  if (screen === 'settings') {
    const known = SETTINGS_SECTIONS.find((entry) => entry.id === section);
    return { screen: 'settings', section: known?.id ?? SETTINGS_SECTIONS[0].id };
  }
  return { screen: 'checkout' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'settings') return `#/settings/${route.section}`;
  return `#/${route.screen}`;
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (next: Route) => {
    window.location.hash = routeHash(next);
  };
  return [route, navigate];
}
