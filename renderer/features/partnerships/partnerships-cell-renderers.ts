import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { countryName } from '../../../shared/domain/countries';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { openTownCard } from '../../components/town-card-host';
import type { I18n } from '../../lib/i18n';

/**
 * The cells of the Partnerships grid drawn as plain DOM, not React components: a sort or a scroll
 * at Europe's scale (60,000 rows) puts new rows in view, and each React cell was a portal with
 * its own render and commit (a fifth of a sort by the partner town, issue 16). Every value is set
 * as text, never as HTML. The classes are made per language (`partnershipCells`), as the columns are.
 */
type Cell = ICellRendererComp<PartnershipRow>;
type Params = ICellRendererParams<PartnershipRow>;

/** A element with a class (and text). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** A cell that draws its row's data into one element; a changed row is drawn again in place. */
abstract class RowCell implements Cell {
  protected readonly gui: HTMLElement;
  protected constructor(className: string) {
    this.gui = element('span', className);
  }
  init(params: Params): void {
    this.update(params);
  }
  getGui(): HTMLElement {
    return this.gui;
  }
  refresh(params: Params): boolean {
    this.update(params);
    return true;
  }
  private update(params: Params): void {
    if (params.data === undefined) this.gui.replaceChildren();
    else this.draw(params.data, params);
  }
  protected abstract draw(row: PartnershipRow, params: Params): void;
}

/** The trash can of the delete button (a fixed drawing, no data in it). */
const SVG = 'http://www.w3.org/2000/svg';
function binIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '15');
  svg.setAttribute('height', '15');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.8');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

export type PartnershipCellActions = {
  onOpen: (row: PartnershipRow) => void;
  onDelete: (row: PartnershipRow) => void;
};

/** The cell renderers of the Partnerships grid in this language. */
/** A cell renderer AG Grid makes with `new` (a plain DOM component). */
type CellClass = new () => Cell;

export function partnershipCells(
  i18n: I18n,
  actions: PartnershipCellActions,
): Record<'TownCell' | 'CountryCell' | 'StatusCell' | 'AreasCell' | 'ActionsCell', CellClass> {
  const { t, tk, language } = i18n;

  /** Partner town: the local name, with the Czech exonym after it when there is one; the name opens the town's card. */
  class TownCell extends RowCell {
    private row: PartnershipRow | null = null;
    private readonly name = element('button', 'link-button p-town-name');
    constructor() {
      super('p-town');
      this.name.type = 'button';
      this.name.addEventListener('click', (event) => {
        event.stopPropagation();
        if (this.row !== null) openTownCard(this.row.foreignTownId);
      });
    }
    protected draw(row: PartnershipRow): void {
      this.row = row;
      this.name.title = t('towns.card.openTitle', { name: row.townName });
      this.name.dataset.testid = `town-link-${String(row.id)}`;
      this.name.textContent = row.townName;
      const czech = row.townNameCs !== null && row.townNameCs !== row.townName;
      this.gui.replaceChildren(
        ...(czech ? [this.name, element('span', 'p-town-cs', row.townNameCs ?? '')] : [this.name]),
      );
    }
  }

  /** Country: the ISO code as a small badge (flag fonts are missing on many office PCs) and the localized name. */
  class CountryCell extends RowCell {
    constructor() {
      super('p-country');
    }
    protected draw(row: PartnershipRow): void {
      const code = element('span', 'p-cc', row.countryCode);
      code.setAttribute('aria-hidden', 'true');
      this.gui.replaceChildren(code, countryName(row.countryCode, language));
    }
  }

  /** Status as a coloured badge. */
  class StatusCell extends RowCell {
    constructor() {
      super('badge');
    }
    protected draw(row: PartnershipRow): void {
      this.gui.className = `badge status-${row.status}`;
      this.gui.textContent = tk(`partnershipStatus.${row.status}`);
    }
  }

  /** Areas of cooperation as small chips. */
  class AreasCell extends RowCell {
    constructor() {
      super('p-chips');
    }
    protected draw(row: PartnershipRow): void {
      this.gui.replaceChildren(...row.areas.map((area) => element('span', 'p-chip', tk(`area.${area}`))));
    }
  }

  /** Row actions: open the detail, delete (asks first); named with their row for a screen reader ("Detail" × 964). */
  class ActionsCell extends RowCell {
    private row: PartnershipRow | null = null;
    private readonly open = element('button', 'link-button', t('partnerships.detail'));
    private readonly remove = element('button', 'p-icon danger');
    constructor() {
      super('p-actions');
      this.open.type = 'button';
      this.open.dataset.testid = 'open-partnership';
      this.open.addEventListener('click', () => {
        if (this.row !== null) actions.onOpen(this.row);
      });
      this.remove.type = 'button';
      this.remove.title = t('partnerships.delete');
      this.remove.dataset.testid = 'delete-partnership';
      this.remove.append(binIcon());
      this.remove.addEventListener('click', () => {
        if (this.row !== null) actions.onDelete(this.row);
      });
      this.gui.append(this.open, this.remove);
    }
    protected draw(row: PartnershipRow): void {
      this.row = row;
      const named = { member: row.municipalityName, town: row.townName };
      this.open.setAttribute('aria-label', t('partnerships.openNamed', named));
      this.remove.setAttribute('aria-label', t('partnerships.deleteNamed', named));
    }
  }

  return { TownCell, CountryCell, StatusCell, AreasCell, ActionsCell };
}
