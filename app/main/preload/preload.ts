import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, channelName, progressChannel, sourceChangedChannel } from '../../shared/channels';
import type { OpenedCapture, Progress, TunnelMedicApi } from '../../shared/ipc';

/**
 * Exposes exactly the contract's channels plus onProgress on `window.tunnelmedic`, nothing else:
 * no ipcRenderer, no generic invoke(channel), no Node. Main validates every argument again.
 */
const api: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  api[channel] = (args: unknown) => ipcRenderer.invoke(channelName(channel), args);
}
api.onProgress = (listener: (p: Progress) => void): (() => void) => {
  const wrapped = (_event: IpcRendererEvent, p: Progress): void => listener(p);
  ipcRenderer.on(progressChannel, wrapped);
  return () => {
    ipcRenderer.removeListener(progressChannel, wrapped);
  };
};
// File → Open a PC's capture… (main switched the engine): what the window shows now
api.onSourceChanged = (listener: (opened: OpenedCapture) => void): (() => void) => {
  const wrapped = (_event: IpcRendererEvent, opened: OpenedCapture): void => listener(opened);
  ipcRenderer.on(sourceChangedChannel, wrapped);
  return () => {
    ipcRenderer.removeListener(sourceChangedChannel, wrapped);
  };
};

contextBridge.exposeInMainWorld('tunnelmedic', api as TunnelMedicApi);
