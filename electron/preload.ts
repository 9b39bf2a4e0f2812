// Runs sandboxed in the renderer before the page. esbuild bundles it (with the contract it imports)
// into one CommonJS file, because a sandboxed preload can require nothing but `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/bridge';
import { COMMAND_EVENT } from '../shared/commands';
import { createElectronBridge } from './preload-api';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createElectronBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    // The one main → renderer event; the IPC event object (with its sender) stays here.
    (listener) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(COMMAND_EVENT, wrapped);
      return () => void ipcRenderer.removeListener(COMMAND_EVENT, wrapped);
    },
  ),
);
