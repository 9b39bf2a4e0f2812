// Runs sandboxed in the renderer before the page. esbuild bundles it (with the contract it imports)
// into one CommonJS file, because a sandboxed preload can require nothing but `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/bridge';
import { createElectronBridge } from './preload-api';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createElectronBridge((channel, input) => ipcRenderer.invoke(channel, input)));
