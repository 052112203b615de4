/**
 * Channel names only, without zod, so the sandboxed preload stays tiny. `ipc.ts` checks at
 * compile time that this list and the contract's keys are the same.
 */
export const CHANNELS = ['appInfo', 'scan', 'applyFixes', 'rollback', 'history', 'exportReport', 'saveFixScript', 'checkPptp', 'explainServerLog', 'openServerLogFile', 'explainOpenedLog', 'forgetServerLog', 'routeFingerprint', 'openCapture', 'leaveCapture'] as const;
export type ChannelName = (typeof CHANNELS)[number];
export const channelName = (c: ChannelName): string => `tunnelmedic:${c}`;
export const progressChannel = 'tunnelmedic:progress';
/** main → window: the engine was switched from the menu (File → Open a PC's capture…); carries an OpenedCapture */
export const sourceChangedChannel = 'tunnelmedic:source-changed';
