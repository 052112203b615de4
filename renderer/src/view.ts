/** The screens of the app; App.tsx switches between them, the header links to some. */
export type View = { name: 'home' } | { name: 'finding'; id: string; from?: 'home' | 'connections' } | { name: 'apply' } | { name: 'history' } | { name: 'connections' };
