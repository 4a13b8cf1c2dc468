/** Grids whose current view can be exported (apart from the schemas: the first screen offers it). */
export const EXPORT_GRIDS = ['partnerships', 'members'] as const;
export type ExportGrid = (typeof EXPORT_GRIDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
