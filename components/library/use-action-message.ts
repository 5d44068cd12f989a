// The library's confirmations ("Exported 3 notes…"): they fade after a few seconds; the page also
// announces them as a status.

import { useEffect, useState } from 'preact/hooks';

const FADE_MS = 6000;

export function useActionMessage(): [string | null, (message: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), FADE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return [message, setMessage];
}
