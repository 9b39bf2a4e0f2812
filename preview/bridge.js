// The browser preview's stand-in for Electron's preload: defines window.api.invoke and sends each
// call to the preview server with the per-run token the server wrote into this page.
(() => {
  const meta = document.querySelector('meta[name="companion-preview-token"]');
  const token = meta ? meta.getAttribute('content') : '';
  const unreachable = {
    ok: false,
    error: { code: 'INTERNAL', message: 'The preview server cannot be reached. Is `npm run preview` still running?' },
  };
  async function invoke(channel, input) {
    try {
      const response = await fetch('/__api/' + encodeURIComponent(String(channel)), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-companion-token': token },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return await response.json();
    } catch {
      return unreachable;
    }
  }
  // App commands (menu, tray, shortcuts in the desktop app) arrive as server-sent events; the
  // renderer checks each against the allow-list, as it does the preload's.
  const commandListeners = new Set();
  let commandSource = null;
  function onCommand(listener) {
    if (typeof listener !== 'function') return () => {};
    if (!commandSource) {
      commandSource = new EventSource('/__preview/commands?token=' + encodeURIComponent(token));
      commandSource.onmessage = (event) => {
        for (const l of commandListeners) l(String(event.data));
      };
    }
    commandListeners.add(listener);
    return () => void commandListeners.delete(listener);
  }
  Object.defineProperty(window, 'api', {
    value: Object.freeze({ transport: 'preview', invoke, onCommand }),
    writable: false,
    configurable: false,
  });
})();
