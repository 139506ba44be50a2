// `npm run create-developer -- <email> <password> [name]`: a developer-role user in the system
// account (admin pages, cross-account reads). Uses DATABASE_URL or the embedded database.
import { bootstrap } from "../lib/runtime/bootstrap";
import { hashPassword } from "../lib/auth/password";
import { emailSchema, newPasswordSchema } from "../lib/auth/schemas";
import { rootDb } from "../lib/db/client";
import { SYSTEM_ACCOUNT_SLUG } from "../lib/reference/seed";

async function main() {
  const [emailArg, passwordArg, ...nameParts] = process.argv.slice(2);
  const email = emailSchema.parse(emailArg);
  const password = newPasswordSchema.parse(passwordArg);
  await bootstrap();
  const db = rootDb();
  const account = await db.account.findUniqueOrThrow({ where: { slug: SYSTEM_ACCOUNT_SLUG } });
  const user = await db.user.upsert({
    where: { email },
    create: { email, name: nameParts.join(" ") || "Developer", passwordHash: await hashPassword(password), role: "developer", accountId: account.id },
    update: { passwordHash: await hashPassword(password), role: "developer", accountId: account.id, isActive: true },
  });
  console.log(`Developer ${user.email} ready (user ${user.id}, system account ${account.id}).`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
