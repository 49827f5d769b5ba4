import { z } from 'zod';

/**
 * The app configuration document, read and replaced whole like NewStore's "Update app
 * configuration". Only the keys Counter uses are checked; every other key is kept as it came,
 * because the same document may carry settings for other NewStore apps or for later versions.
 */
export const SerialNumberRegex = z
  .string()
  .max(1000, 'serial_number_regex may be at most 1000 characters long')
  .describe('RE2 pattern a serial must match (searched, not anchored: use ^ and $); empty or missing means any non-empty serial');

export const AppConfigDocument = z.looseObject({
  capabilities: z
    .looseObject({
      serialized_inventory: z
        .looseObject({
          serial_number_regex: SerialNumberRegex.optional(),
        })
        .optional(),
    })
    .optional(),
});
export type AppConfigDocument = z.infer<typeof AppConfigDocument>;

/** What a key is worth when neither the managed file nor the local document sets it. */
export const DEFAULT_CONFIG: AppConfigDocument = {
  capabilities: { serialized_inventory: { serial_number_regex: '' } },
};

export const SERIAL_REGEX_KEY = 'capabilities.serialized_inventory.serial_number_regex';

export const ConfigValueSource = z.enum(['managed', 'local', 'default']);
export type ConfigValueSource = z.infer<typeof ConfigValueSource>;
