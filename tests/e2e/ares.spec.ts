import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * A new member looked up in ARES by its IČO (first-use review, "Missing things": "IČO via ARES"),
 * against a local stand-in answering as ARES's REST interface does: empty fields are filled, a
 * field that holds something else is offered, not overwritten, and a failure says what happened.
 */

test.use({ viewport: { width: 1280, height: 720 } });

const BYSTRE = {
  ico: '00277452',
  obchodniJmeno: 'Město Bystré',
  pravniForma: '801',
  sidlo: {
    kodStatu: 'CZ',
    nazevKraje: 'Pardubický kraj',
    nazevOkresu: 'Svitavy',
    kodObce: 577928,
    nazevObce: 'Bystré',
    nazevUlice: 'Náměstí Gen. Svobody',
    cisloDomovni: 1,
    psc: 56992,
    textovaAdresa: 'Náměstí Gen. Svobody 1, 56992 Bystré',
  },
};

let ares: Server;
let aresUrl = '';
test.beforeAll(async () => {
  ares = createServer((request, response) => {
    const found = request.url?.endsWith(`/ekonomicke-subjekty/${BYSTRE.ico}`) === true;
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? BYSTRE : { kod: 'NENALEZENO' }));
  });
  await new Promise<void>((resolve) => ares.listen(0, '127.0.0.1', resolve));
  aresUrl = `http://127.0.0.1:${String((ares.address() as AddressInfo).port)}/rest`;
});
test.afterAll(async () => {
  await new Promise((resolve) => ares.close(resolve));
});

test('a new member filled in from ARES by its IČO: empty fields filled, a different one offered, failures said, in cs and en', async ({
  appPage: page,
  webApp,
}) => {
  webApp.ctx.aresUrl = aresUrl;
  const knex = webApp.ctx.db.knex;
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('add-member').click();
  const form = page.getByTestId('member-form');
  await expect(form).toBeVisible();

  // Nothing to ask ARES until the IČO has its eight digits.
  await expect(form.getByTestId('ares-lookup')).toBeDisabled();
  // An IČO ARES does not know.
  await form.getByTestId('field-ico').fill('00277461');
  await form.getByTestId('ares-lookup').click();
  await expect(form.getByTestId('ares-error')).toHaveText('ARES nezná subjekt s IČO 00277461. Zkontrolujte číslo.');

  // The staffer typed the name and a postal code already: those stay; the rest is filled.
  await form.getByTestId('field-name').fill('Bystré');
  await form.getByTestId('field-postalCode').fill('569 91');
  await form.getByTestId('field-ico').fill(BYSTRE.ico);
  await form.getByTestId('ares-lookup').click();
  await expect(form.getByTestId('ares-found')).toContainText('ARES: Město Bystré, IČO 00277452');
  await expect(form.getByTestId('ares-filled')).toHaveText(
    'Doplněno z ARES: Kód obce, Typ, Okres, Ulice a č. p. – zkontrolujte je před uložením.',
  );
  await expect(form.getByTestId('field-code')).toHaveValue('577928');
  await expect(form.getByTestId('field-kind')).toHaveValue('mesto');
  await expect(form.getByTestId('field-districtId').locator('option:checked')).toHaveText('Svitavy');
  await expect(form.getByTestId('field-street')).toHaveValue('Náměstí Gen. Svobody 1');
  await expect(form.getByTestId('field-name')).toHaveValue('Bystré');
  // The postal code differs from ARES's: offered, not overwritten.
  await expect(form.getByTestId('field-postalCode')).toHaveValue('569 91');
  await expect(form.getByTestId('ares-differs-postalCode')).toContainText('ARES uvádí jinak – PSČ: 569 92');
  await form.getByTestId('ares-lookup').scrollIntoViewIfNeeded();
  await saveScreen(page, 'member-ares-cs');
  await form.getByTestId('ares-take-postalCode').click();
  await expect(form.getByTestId('field-postalCode')).toHaveValue('569 92');
  await expect(form.getByTestId('ares-differences')).toHaveCount(0);
  // A filled field changed by hand: ARES's value is offered again.
  await form.getByTestId('field-street').fill('Náměstí 1');
  await expect(form.getByTestId('ares-differs-street')).toContainText('Náměstí Gen. Svobody 1');
  await form.getByRole('button', { name: 'Převzít z ARES: Ulice a č. p.' }).click();
  await expect(form.getByTestId('field-street')).toHaveValue('Náměstí Gen. Svobody 1');
  // Another IČO typed: what ARES said about the first one is gone.
  await form.getByTestId('field-ico').fill('00277461');
  await expect(form.getByTestId('ares')).toHaveCount(0);
  await form.getByTestId('field-ico').fill(BYSTRE.ico);

  // Saved as the staffer confirms it.
  await page.getByTestId('member-save').click();
  await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
  const saved = await knex('municipalities')
    .where({ code: '577928' })
    .first<{ name: string; kind: string; ico: string; street: string; postal_code: string }>();
  expect(saved).toMatchObject({
    name: 'Bystré',
    kind: 'mesto',
    ico: '00277452',
    street: 'Náměstí Gen. Svobody 1',
    postal_code: '569 92',
  });

  // In English, with ARES unreachable.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-members').click();
  await page.getByTestId('add-member').click();
  webApp.ctx.aresUrl = 'http://127.0.0.1:9/rest';
  await page.getByTestId('member-form').getByTestId('field-ico').fill(BYSTRE.ico);
  await expect(page.getByTestId('ares-lookup')).toHaveText('Look up in ARES');
  await page.getByTestId('ares-lookup').click();
  await expect(page.getByTestId('ares-error')).toHaveText(
    'ARES cannot be reached (no internet connection, or the service does not answer). Fill the fields in by hand or try again later.',
  );
  await saveScreen(page, 'member-ares-en');
  // The typed IČO is not saved: Escape asks first.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toContainText('Discard unsaved changes?');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
});
