import m001 from './001-initial.sql';
import m002 from './002-config-history.sql';
import m003 from './003-fulfillment.sql';
import m004 from './004-till-desk.sql';

/** Schema versions in order: migrations[i] takes the database from user_version i to i + 1. */
export const migrations: readonly { name: string; sql: string }[] = [
  { name: '001-initial', sql: m001 },
  { name: '002-config-history', sql: m002 },
  { name: '003-fulfillment', sql: m003 },
  { name: '004-till-desk', sql: m004 },
];
