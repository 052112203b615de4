/**
 * The engine's data types the renderer shows (DESIGN.md: the renderer knows only app/shared).
 * Types only: nothing of the core's code reaches the renderer bundle through here.
 */
export type { Evidence, Finding, Fix, Report, RouteDecision, Severity } from '../core/model/report';
export type { RasEvent } from '../core/model/ras-event';
export type { VpnProfile } from '../core/model/vpn-profile';
