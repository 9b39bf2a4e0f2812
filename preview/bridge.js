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
  Object.defineProperty(window, 'api', {
    value: Object.freeze({ transport: 'preview', invoke }),
    writable: false,
    configurable: false,
  });
})();
