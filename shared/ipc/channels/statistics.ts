import { z } from 'zod';
import { UI_LANGUAGES } from '../../domain/codes';
import { STATS_FIGURES, statsFilterSchema } from '../../domain/statistics/filter';
import { mapDataSchema } from '../../domain/statistics/map';
import { statisticsSchema, territoryOptionsSchema } from '../../domain/statistics/schemas';
import { boundariesSchema } from '../../domain/statistics/boundaries';
import { derivedDistrictsSchema } from '../../domain/statistics/district-shapes';
import { defineChannels } from '../define';

export const STATS_EXPORT_FORMATS = ['xlsx', 'csv', 'json', 'docx'] as const;
export type StatsExportFormat = (typeof STATS_EXPORT_FORMATS)[number];
export const MAP_EXPORT_FORMATS = ['png', 'svg'] as const;
export type MapExportFormat = (typeof MAP_EXPORT_FORMATS)[number];

export const statisticsChannels = defineChannels({
  'stats:compute': {
    doc: 'Every statistic (per region, district and ORP, countries, areas, funding) for a filter, from the one statistics module.',
    input: z.object({ filter: statsFilterSchema }).strict(),
    output: statisticsSchema,
  },
  'stats:territories': {
    doc: 'Every kraj, okres and ORP the registry knows, named, with the kraj each lies in (and the okresy of an ORP): the choices of the statistics territory filter.',
    input: z.object({}).strict(),
    output: territoryOptionsSchema,
  },
  'stats:figureRows': {
    doc: 'The ids of the rows a key figure counts for a filter (municipalities for municipalities/withActive, partnerships otherwise), by the same conditions as the figure: the grid it opens shows exactly these.',
    input: z.object({ filter: statsFilterSchema, figure: z.enum(STATS_FIGURES) }).strict(),
    output: z.object({ ids: z.array(z.number().int().positive()) }),
  },
  'stats:export': {
    doc: 'Writes the statistics for a filter as XLSX, CSV (a ZIP with one CSV per table), JSON or a DOCX report; asks where to save; null when cancelled.',
    input: z
      .object({
        format: z.enum(STATS_EXPORT_FORMATS),
        filter: statsFilterSchema,
        language: z.enum(UI_LANGUAGES).default('cs'),
      })
      .strict(),
    output: z.object({ filePath: z.string() }).nullable(),
  },
  'map:data': {
    doc: 'The map for a filter: member municipalities and partner towns with coordinates, the lines between them and region bubbles.',
    input: z.object({ filter: statsFilterSchema }).strict(),
    output: mapDataSchema,
  },
  'map:export': {
    doc: 'Writes the map as the screen draws it (an SVG document with inline styles, at most 30 MB) as SVG or as PNG (rasterised by core); asks where to save; null when cancelled.',
    input: z
      .object({
        format: z.enum(MAP_EXPORT_FORMATS),
        svg: z.string().min(1).max(30_000_000),
        fileName: z.string().min(1).max(120),
      })
      .strict(),
    output: z.object({ filePath: z.string() }).nullable(),
  },
  'map:districts': {
    doc: "Approximate okres boundaries for the okres choropleth, derived from the positions of the registry's municipalities inside the shipped kraj boundaries; a kraj with an okres of no located municipality stays undivided.",
    input: z.object({}).strict(),
    output: derivedDistrictsSchema,
  },
  'map:loadBoundaries': {
    doc: 'Asks for a GeoJSON or TopoJSON file of region boundaries and returns its regions (matched by NUTS3 code) for a choropleth; null when cancelled.',
    input: z.object({}).strict(),
    output: boundariesSchema.nullable(),
  },
});
