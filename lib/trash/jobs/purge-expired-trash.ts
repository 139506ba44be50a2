// The hourly schedule that deletes for good what has been in the trash for 30 days.
import { purgeExpiredTrash } from "../service";

export default async function purgeExpiredTrashTick() {
  return { purged: await purgeExpiredTrash() };
}
