import { AlignmentType, PageBreak, Paragraph } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';
import { STYLE, textRuns } from './docx-style';

/**
 * The optional title page: the title section in both languages, large and centred a third of the
 * way down, then a page break. Empty when the model has no title section.
 */
export function titlePage(model: AgreementModel): Paragraph[] {
  const title = model.sections.find((s) => s.kind === 'title');
  if (!title) return [];
  const out: Paragraph[] = [new Paragraph({ spacing: { before: 3600 }, children: [] })];
  title.texts.forEach((paras, index) => {
    const language = model.languages[index] ?? 'cs';
    for (const para of paras) {
      out.push(
        new Paragraph({
          style: para.role === 'title' ? STYLE.title : STYLE.subtitle,
          alignment: AlignmentType.CENTER,
          spacing: { after: para.role === 'title' ? 200 : 720 },
          children: textRuns(para.runs, language, para.role === 'title' ? { bold: true, size: 40 } : { size: 26 }),
        }),
      );
    }
  });
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}
