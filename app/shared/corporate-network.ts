// The renderer checks a typed corporate network with the engine's own rule (it may import only
// app/shared): the same reasons the CLI and the IPC contract refuse it for, worded in the app's language.
export { corporateNetworkIssue, type CorporateNetworkIssue } from '../core/model/corporate-network';
