// The list of keyboard shortcuts, opened with `?`. A native modal dialog: Escape closes it and
// focus returns to where it was.
import { useEffect, useRef } from 'react';
import { shortcutHelp } from '../lib/shortcuts';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" onClose={onClose} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {shortcutHelp.map(({ keys, description }) => (
            <tr key={description}>
              <td>
                {keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 && <span className="muted"> then </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts do nothing while you type in a field.</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
