/**
 * The topics `--help` knows: the main help and one per command. Its own module so that the English
 * (help.ts) and Dutch (help-nl.ts) texts both name it without importing each other.
 */
export const HELP_TOPICS = ['main', 'scan', 'explain-log', 'fix', 'guard', 'rollback', 'check-pptp', 'collect', 'report', 'scripts'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
