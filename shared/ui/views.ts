/** The four views of the panel: the first layer, the full notice, the consent choices and the rights requests. */
export type PanelView = 'overview' | 'notice' | 'consents' | 'requests';

export const PANEL_VIEWS: readonly PanelView[] = ['overview', 'notice', 'consents', 'requests'];
