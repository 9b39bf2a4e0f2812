// Short messages for the learner ("Logged 50 min on ...", errors in plain words), announced to
// screen readers through a live region. They are drawn in the sidebar (NoticeArea), above the timer,
// not over the screen: floating at the bottom right, they covered the "Add time by hand" card.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Tone = 'success' | 'info' | 'error';
interface Notice {
  id: number;
  tone: Tone;
  text: string;
}
interface Notices {
  success: (text: string) => void;
  info: (text: string) => void;
  error: (text: string) => void;
}

const NoticeContext = createContext<Notices | null>(null);
const NoticeListContext = createContext<{ notices: Notice[]; dismiss: (id: number) => void }>({
  notices: [],
  dismiss: () => {},
});
let nextId = 1;

export function useNotices(): Notices {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (tone: Tone, text: string) => {
      const id = nextId++;
      setNotices((list) => [...list.slice(-3), { id, tone, text }]);
      // Errors stay until dismissed: the learner must not miss that something failed.
      if (tone !== 'error') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const api = useMemo<Notices>(
    () => ({ success: (t) => push('success', t), info: (t) => push('info', t), error: (t) => push('error', t) }),
    [push],
  );
  const list = useMemo(() => ({ notices, dismiss }), [notices, dismiss]);
  return (
    <NoticeContext.Provider value={api}>
      <NoticeListContext.Provider value={list}>{children}</NoticeListContext.Provider>
    </NoticeContext.Provider>
  );
}

/** Where the notices are drawn and announced: one place in the app's frame. */
export function NoticeArea() {
  const { notices, dismiss } = useContext(NoticeListContext);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" className="notice-close" onClick={() => dismiss(n.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
