import { CONTACT_SIDES, type ContactSide } from '../../../shared/domain/codes';
import { contactFieldsSchema } from '../../../shared/domain/partnership-rules';
import type { Contact } from '../../../shared/domain/partnerships';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Field } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { useChildEditor } from './useChildEditor';

type Draft = {
  id: number | null;
  version: number;
  side: ContactSide;
  name: string;
  role: string;
  email: string;
  phone: string;
};
const blank = (side: ContactSide): Draft => ({ id: null, version: 1, side, name: '', role: '', email: '', phone: '' });
const asDraft = (contact: Contact): Draft => ({
  id: contact.id,
  version: contact.version,
  side: contact.side,
  name: contact.name,
  role: contact.role ?? '',
  email: contact.email ?? '',
  phone: contact.phone ?? '',
});

/** Contacts on both sides of a partnership: add, edit and delete in place. */
export function ContactsSection({
  partnershipId,
  contacts,
  onChanged,
  onUnsaved,
}: {
  partnershipId: number;
  contacts: Contact[];
  onChanged: () => void;
  /** A draft holds typing not saved yet (see useChildEditor). */
  onUnsaved?: (unsaved: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (p: string) => i18n.tk(`partnerships.contact.${p}`);
  const editor = useChildEditor({
    label,
    onChanged,
    onUnsaved,
    records: contacts,
    asDraft,
    revert: (change) => call('contacts:revert', change),
  });
  const { draft, setDraft, errors } = editor;

  const save = async () => {
    if (!draft) return;
    const fields = { side: draft.side, name: draft.name, role: draft.role, email: draft.email, phone: draft.phone };
    await editor.save(contactFieldsSchema, fields, () =>
      draft.id === null
        ? call('contacts:create', { partnershipId, ...fields })
        : call('contacts:update', { id: draft.id, version: draft.version, ...fields }),
    );
  };
  const remove = (contact: Contact) =>
    editor.remove(() => call('contacts:delete', { id: contact.id, version: contact.version }));

  const form = draft && (
    <InlineForm
      className="p-inline-form"
      testId="contact-form"
      saveTestId="contact-save"
      onSave={save}
      onCancel={() => setDraft(null)}
      formRef={editor.formRef}
      summary={editor.summary}
    >
      <Field name="name" label={label('name')} error={errors.name}>
        <input
          value={draft.name}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          data-testid="contact-name"
        />
      </Field>
      <Field name="role" label={label('role')} error={errors.role}>
        <input value={draft.role} maxLength={200} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
      </Field>
      <Field name="email" label={label('email')} error={errors.email}>
        <input
          type="email"
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          data-testid="contact-email"
        />
      </Field>
      <Field name="phone" label={label('phone')} error={errors.phone}>
        <input value={draft.phone} onChange={(e) => setDraft({ ...draft, phone: e.target.value })} />
      </Field>
    </InlineForm>
  );

  return (
    <section data-testid="contacts">
      <h3>{t('partnerships.section.contacts')}</h3>
      <div className="p-sides">
        {CONTACT_SIDES.map((side) => {
          const list = contacts.filter((c) => c.side === side);
          return (
            <div key={side} className="p-side" data-testid={`contacts-${side}`}>
              <h4>{label(`side.${side}`)}</h4>
              {list.length === 0 && <p className="hint">{t('partnerships.contact.none')}</p>}
              <ul className="p-list">
                {list.map((contact) => (
                  <li key={contact.id}>
                    <div>
                      <strong>{contact.name}</strong>
                      {/* A no-break space keeps the dot with the role when a long one wraps. */}
                      {contact.role !== null && (
                        <span className="muted-small">
                          {' '}
                          ·{'\u00a0'}
                          {contact.role}
                        </span>
                      )}
                      <div className="muted-small">
                        {[contact.email, contact.phone].filter((v) => v !== null).join(' · ')}
                      </div>
                    </div>
                    <span className="p-row-actions">
                      <button type="button" className="link-button" onClick={() => setDraft(asDraft(contact))}>
                        {t('partnerships.edit')}
                      </button>
                      <button type="button" className="link-button danger" onClick={() => void remove(contact)}>
                        {t('partnerships.remove')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {draft?.side === side ? (
                form
              ) : (
                <button
                  type="button"
                  className="button small"
                  onClick={() => setDraft(blank(side))}
                  data-testid={`add-contact-${side}`}
                >
                  + {t('partnerships.contact.add')}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
