import { columns } from '../column-type.ts';
import { defineTable, type TableSpec } from '../table-spec.ts';

/** Registers: the tills at each outlet. */
export const registersTable: TableSpec = defineTable({
  name: 'registers',
  description: 'A point-of-sale register (till) at an outlet in Lightspeed Retail.',
  path: '/registers',
  deletedParam: true,
  columns: columns({
    id: 'text',
    name: 'text',
    outlet_id: 'text',
    ask_for_note_on_save: 'bigint',
    print_note_on_receipt: 'boolean',
    ask_for_user_on_sale: 'boolean',
    show_discounts_on_receipts: 'boolean',
    print_receipt: 'boolean',
    email_receipt: 'boolean',
    invoice_prefix: 'text',
    invoice_suffix: 'text',
    invoice_sequence: 'bigint',
    button_layout_id: 'text',
    is_open: 'boolean',
    is_quick_keys_enabled: 'boolean',
    receipt_template_id: 'text',
    register_open_time: 'timestamptz',
    register_close_time: 'timestamptz',
    register_open_sequence_id: 'text',
    cash_managed_payment_type_id: 'text',
    deleted_at: 'timestamptz',
    version: 'bigint',
  }),
});
