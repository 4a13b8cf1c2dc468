/**
 * The 22 drafts of the agreements language review (../shared/reviews/agreements-language.md),
 * generated again from the demo registry through the core, converted to PDF by LibreOffice and to
 * page images (`pdftoppm -png -r 60`), so that a reader can check every finding page by page.
 *
 *   npx tsx scripts/review-drafts.ts [OUT_DIR]      (default /tmp/review-drafts)
 *
 * The pairs and templates are the review's: every template and layout over eight language pairs.
 * Where the review names a file (de_obec_project, pl_alt_title, sk_project, sk_tabor_novezamky,
 * hu_sequential, it_partnership, uk_partnership, en_bridgwater_partnership) the draft keeps that
 * name. The Bridgwater charter is drafted through the CLI, as the review did (en2, C13).
 * EXTRA_DRAFTS (not the review's) show an own clause and Annex 1.
 * OUT_DIR gets (anew; other files there stay) NAME.docx, NAME.pdf, NAME-N.png (one per page) and drafts.json (what each is).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAppContext, noDialogs } from '../electron/core/context';
import { createMemoryPreferences } from '../electron/core/preferences-file';
import { agreementDefaults, agreementSources } from '../electron/core/services/agreements/agreements-service';
import { generateAgreementToPath } from '../electron/core/services/agreements/agreements-service';
import { loadClauseLibrary } from '../electron/core/services/agreements/library-loader';
import { defaultOmit } from '../shared/domain/agreements/library';
import { fillTownCard } from '../electron/core/services/town-card-service';
import type { AgreementLayout, AgreementTemplate } from '../shared/domain/codes';
import type { PartnerLanguage } from '../shared/domain/agreements/model';
import type { ArticleEdits } from '../shared/domain/agreements/article-edits';

type Draft = {
  name: string;
  member: string;
  town: string;
  language: PartnerLanguage;
  template: AgreementTemplate;
  layout: AgreementLayout;
  titlePage?: boolean;
  /** Drafted with `twinreg agreement` instead of the service (the review's CLI run). */
  cli?: boolean;
  /** Annex 1 after the signatures (P3). */
  annex?: boolean;
  /** The draft's own wording (P3): own clauses and reworded articles. */
  articleEdits?: ArticleEdits;
};

export const REVIEW_DRAFTS: readonly Draft[] = [
  // 3.2 Czech–German: Tábor–Konstanz (parallel, title page); Litschau (AT), Augsburg, Hochheim, Schirnding, Hof.
  {
    name: 'de_tabor_konstanz',
    member: 'Tábor',
    town: 'Konstanz',
    language: 'de',
    template: 'partnership',
    layout: 'parallel',
    titlePage: true,
  },
  {
    name: 'de_chlum_litschau',
    member: 'Chlum u Třeboně',
    town: 'Litschau',
    language: 'de',
    template: 'partnership',
    layout: 'parallel',
  },
  {
    name: 'de_liberec_augsburg',
    member: 'Liberec',
    town: 'Augsburg',
    language: 'de',
    template: 'partnership',
    layout: 'alternate',
  },
  {
    name: 'de_mikulov_hochheim',
    member: 'Mikulov',
    town: 'Hochheim am Main',
    language: 'de',
    template: 'partnership',
    layout: 'sequential',
  },
  {
    name: 'de_obec_project',
    member: 'Pomezí nad Ohří',
    town: 'Schirnding',
    language: 'de',
    template: 'project',
    layout: 'parallel',
  },
  { name: 'de_cheb_hof', member: 'Cheb', town: 'Hof', language: 'de', template: 'partnership', layout: 'parallel' },
  // 3.3 Czech–Polish: Náchod–Kłodzko friendship (alternate, title page); Jaworze; Wrocław; Mysłowice.
  {
    name: 'pl_alt_title',
    member: 'Náchod',
    town: 'Kłodzko',
    language: 'pl',
    template: 'friendship',
    layout: 'alternate',
    titlePage: true,
  },
  {
    name: 'pl_tosanovice_jaworze',
    member: 'Horní Tošanovice',
    town: 'Jaworze',
    language: 'pl',
    template: 'partnership',
    layout: 'parallel',
  },
  {
    name: 'pl_hradec_wroclaw',
    member: 'Hradec Králové',
    town: 'Wrocław',
    language: 'pl',
    template: 'partnership',
    layout: 'sequential',
  },
  {
    name: 'pl_frydek_myslowice',
    member: 'Frýdek-Místek',
    town: 'Mysłowice',
    language: 'pl',
    template: 'partnership',
    layout: 'parallel',
  },
  // 3.4 Czech–Slovak: Horní Tošanovice–Strečno project; Tábor–Nové Zámky partnership.
  {
    name: 'sk_project',
    member: 'Horní Tošanovice',
    town: 'Strečno',
    language: 'sk',
    template: 'project',
    layout: 'parallel',
  },
  {
    name: 'sk_tabor_novezamky',
    member: 'Tábor',
    town: 'Nové Zámky',
    language: 'sk',
    template: 'partnership',
    layout: 'parallel',
  },
  // 3.5 Czech–Hungarian: Kutná Hora–Eger (sequential); Olomouc–Pécs charter.
  {
    name: 'hu_sequential',
    member: 'Kutná Hora',
    town: 'Eger',
    language: 'hu',
    template: 'partnership',
    layout: 'sequential',
  },
  {
    name: 'hu_olomouc_pecs_charter',
    member: 'Olomouc',
    town: 'Pécs',
    language: 'hu',
    template: 'charter',
    layout: 'parallel',
  },
  // 3.6 Czech–English: Uherské Hradiště–Bridgwater charter (from the CLI) and partnership.
  {
    name: 'en_bridgwater_charter',
    member: 'Uherské Hradiště',
    town: 'Bridgwater',
    language: 'en',
    template: 'charter',
    layout: 'parallel',
    titlePage: true,
    cli: true,
  },
  {
    name: 'en_bridgwater_partnership',
    member: 'Uherské Hradiště',
    town: 'Bridgwater',
    language: 'en',
    template: 'partnership',
    layout: 'parallel',
  },
  // 3.7 Czech–French: Hradec Králové–Metz; Velichovky–Saint-Étienne-de-Crossey.
  {
    name: 'fr_hradec_metz',
    member: 'Hradec Králové',
    town: 'Metz',
    language: 'fr',
    template: 'partnership',
    layout: 'parallel',
  },
  {
    name: 'fr_velichovky_friendship',
    member: 'Velichovky',
    town: 'Saint-Étienne-de-Crossey',
    language: 'fr',
    template: 'friendship',
    layout: 'parallel',
  },
  // 3.8 Czech–Italian: Český Krumlov–San Gimignano; Nový Jičín–Novellara charter.
  {
    name: 'it_partnership',
    member: 'Český Krumlov',
    town: 'San Gimignano',
    language: 'it',
    template: 'partnership',
    layout: 'parallel',
  },
  {
    name: 'it_novyjicin_novellara_charter',
    member: 'Nový Jičín',
    town: 'Novellara',
    language: 'it',
    template: 'charter',
    layout: 'alternate',
    titlePage: true,
  },
  // 3.9 Czech–Ukrainian: Český Krumlov–Kalush; Hradec Králové–Chernihiv charter.
  {
    name: 'uk_partnership',
    member: 'Český Krumlov',
    town: 'Kalush',
    language: 'uk',
    template: 'partnership',
    layout: 'parallel',
  },
  {
    name: 'uk_hradec_chernihiv_charter',
    member: 'Hradec Králové',
    town: 'Chernihiv',
    language: 'uk',
    template: 'charter',
    layout: 'sequential',
  },
];

/**
 * Drafts beyond the review's 22, for what the mayor's-office features print: an own clause typed
 * as staff type it ("1. …", "• …") and Annex 1 with the planned activities' kinds in both languages.
 */
export const EXTRA_DRAFTS: readonly Draft[] = [
  {
    name: 'extra_tabor_konstanz_own_annex',
    member: 'Tábor',
    town: 'Konstanz',
    language: 'de',
    template: 'partnership',
    layout: 'parallel',
    annex: true,
    articleEdits: {
      own: [
        {
          id: 'jubilee',
          after: 'forms',
          text: [
            'Výročí partnerství\n1. Smluvní strany si připomenou 30. výročí partnerství společnou slavností.\n' +
              '2. Slavnost se uskuteční v roce 2027.\n• koncert\n• výstava',
            'Jubiläum der Partnerschaft\n1. Die Vertragsparteien begehen das 30. Jubiläum mit einem Fest.\n' +
              '2. Das Fest findet 2027 statt.\n• Konzert\n• Ausstellung',
          ],
        },
      ],
    },
  },
];

/**
 * What the partner-town cards need beyond the demo data for these drafts: the Ukrainian towns'
 * own names in Cyrillic (the demo stores them in English transliteration only), typed on the
 * card as a user would; everything else is the demo registry as it is.
 */
const CARD_FACTS: Record<string, { nameNative: string }> = {
  Kalush: { nameNative: 'Калуш' },
  Chernihiv: { nameNative: 'Чернігів' },
};

const ROOT = path.resolve(import.meta.dirname, '..');

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // What an earlier run made goes (notes the reader wrote there, such as TABLE.md, stay).
  for (const file of readdirSync(outDir))
    if (/\.(docx|pdf|png)$|^registry\.db|^drafts\.json$/.test(file)) rmSync(path.join(outDir, file), { force: true });
  const dbPath = path.join(outDir, 'registry.db');
  const ctx = await createAppContext({
    databasePath: dbPath,
    resourcesDir: path.join(ROOT, 'resources'),
    appVersion: 'review-drafts',
    preferences: createMemoryPreferences(),
    dialogs: noDialogs,
    seedDemoIfEmpty: true,
    acceptsLocalPaths: false,
  });
  const made: (Draft & { partnershipId: number; docx: string })[] = [];
  try {
    const library = await loadClauseLibrary(ctx.resourcesDir);
    const { partnerships } = await agreementSources(ctx);
    for (const [town, facts] of Object.entries(CARD_FACTS)) {
      const found = partnerships.find((p) => p.townName === town);
      if (found === undefined) throw new Error(`No partner town ${town} in the demo`);
      await fillTownCard(ctx, found.townId, facts);
    }
    for (const draft of [...REVIEW_DRAFTS, ...EXTRA_DRAFTS]) {
      const found = partnerships.find((p) => p.municipalityName === draft.member && p.townName === draft.town);
      if (found === undefined)
        throw new Error(`${draft.name}: no partnership ${draft.member}–${draft.town} in the demo`);
      const docx = path.join(outDir, `${draft.name}.docx`);
      made.push({ ...draft, partnershipId: found.id, docx });
      if (draft.cli === true) continue;
      const defaults = (await agreementDefaults(ctx, { partnershipId: found.id })).request;
      await generateAgreementToPath(
        ctx,
        {
          ...defaults,
          language: draft.language,
          template: draft.template,
          layout: draft.layout,
          titlePage: draft.titlePage === true,
          // Another template than the partnership's type starts from its own preambles and leaves out
          // the articles it leaves out by default (as the screen and the CLI do).
          preambles:
            draft.template === defaults.template
              ? defaults.preambles
              : [...library.templates[draft.template].defaultPreambles],
          omit: draft.template === defaults.template ? defaults.omit : defaultOmit(library.templates[draft.template]),
          ...(draft.annex === true ? { annex: true } : {}),
          ...(draft.articleEdits === undefined ? {} : { articleEdits: draft.articleEdits }),
        },
        docx,
        true,
      );
    }
  } finally {
    await ctx.close();
  }
  for (const draft of made.filter((d) => d.cli === true)) {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'twinreg.mjs'),
        'agreement',
        '--db',
        dbPath,
        '--partnership',
        String(draft.partnershipId),
        '--lang',
        draft.language,
        '--template',
        draft.template,
        '--layout',
        draft.layout,
        ...(draft.titlePage === true ? ['--title-page'] : []),
        '--out',
        draft.docx,
        '--force',
      ],
      { stdio: 'inherit' },
    );
  }
  // One LibreOffice for all files, with a profile of its own (a running LibreOffice is not disturbed).
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(outDir, '.lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...made.map((d) => d.docx),
    ],
    { stdio: 'ignore' },
  );
  rmSync(path.join(outDir, '.lo-profile'), { recursive: true, force: true });
  for (const draft of made) {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      path.join(outDir, `${draft.name}.pdf`),
      path.join(outDir, draft.name),
    ]);
  }
  const pages = (name: string) =>
    readdirSync(outDir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort();
  writeFileSync(
    path.join(outDir, 'drafts.json'),
    `${JSON.stringify(
      made.map(({ docx, ...d }) => ({ ...d, docx: path.basename(docx), pages: pages(d.name) })),
      null,
      2,
    )}\n`,
  );
  for (const d of made) console.log(`${d.name.padEnd(32)} ${String(pages(d.name).length)} pages`);
}

await main(path.resolve(process.argv[2] ?? '/tmp/review-drafts'));
