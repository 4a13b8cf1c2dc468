import { useCallback, useEffect, useState } from 'react';

/** The current screen lives in the URL hash (`#/members`), so a reload keeps it. */
export function useHashRoute(defaultId: string): [string, (id: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('?')[0] || defaultId;
  const [id, setId] = useState(read);
  useEffect(() => {
    const onChange = () => setId(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read only depends on the default
  }, [defaultId]);
  const navigate = useCallback((next: string) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [id, navigate];
}
