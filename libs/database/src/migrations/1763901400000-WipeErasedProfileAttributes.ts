import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles and accounts erased before erasure wiped every attribute (issue 11) still held their
 * kind, municipality, availability, demo flag and creation date, and the older placeholder names.
 * The API already hid them; this wipes them in the database too, to the values erasure now writes.
 * Nothing to restore: `down` is a no-op on purpose (the erased values are gone).
 */
export class WipeErasedProfileAttributes1763901400000 implements MigrationInterface {
  name = 'WipeErasedProfileAttributes1763901400000';

  async up(q: QueryRunner): Promise<void> {
    const placeholder = 'Odstranjen udeleženec / Removed participant';
    await q.query(
      `UPDATE creative_profile
          SET display_name = $1, kind = 'INDIVIDUAL', municipality = '', availability = 'UNAVAILABLE', is_demo = false,
              created_at = erased_at, updated_at = erased_at
        WHERE erased_at IS NOT NULL`,
      [placeholder],
    );
    await q.query(`UPDATE account SET display_name = $1 WHERE erased_at IS NOT NULL`, [placeholder]);
  }

  async down(): Promise<void> {
    // Erased attributes cannot come back.
  }
}
