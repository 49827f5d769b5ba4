import { useEffect, useState } from 'react';

export const ADMIN_SECTIONS = [
  { id: 'scanners', label: 'Scanners' },
  { id: 'config', label: 'Configuration' },
  { id: 'import', label: 'Import' },
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number]['id'];

const DEFAULT_SECTION: AdminSection = 'config';

/** The section named by `#/settings/<section>`; anything else is the configuration. */
export function adminSectionOf(hash: string): AdminSection {
  const [screen, section] = hash.replace(/^#\/?/, '').split('/');
  if (screen !== 'settings') return DEFAULT_SECTION;
  return ADMIN_SECTIONS.find((entry) => entry.id === section)?.id ?? DEFAULT_SECTION;
}

/** The settings section lives in the URL hash, so a reload (or a link from IT's notes) opens the same tab. */
export function useAdminSection(): [AdminSection, (section: AdminSection) => void] {
  const [section, setSection] = useState(() => adminSectionOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setSection(adminSectionOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (next: AdminSection) => {
    window.location.hash = `#/settings/${next}`;
  };
  return [section, open];
}
