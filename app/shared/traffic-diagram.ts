/**
 * The traffic diagram's model for the renderer: pure code from app/core/report (no I/O), so the app
 * and the exported HTML report draw the same picture from the same snapshot.
 */
export { buildTrafficDiagram, clip, textRows, pathColour, PATH_COLOURS, type DiagramBox, type DiagramPath, type DiagramWords, type RouteNumbers, type TrafficDiagram } from '../core/report/traffic-diagram';
