import { z } from "zod";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const newPasswordSchema = z
  .string({ error: "Password is required." })
  .min(8, "Use at least 8 characters.")
  .max(200, "Use at most 200 characters.");

export const registerSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().min(1, "Your name is required.").max(120),
  accountName: z.string().trim().min(1, "The account (team or company) name is required.").max(120),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(200),
});
export type CredentialsInput = z.infer<typeof credentialsSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema }).strict();
export const passwordResetConfirmSchema = z
  .object({ token: z.string({ error: "The reset token is required." }).trim().min(20, "This reset link is not valid.").max(200, "This reset link is not valid."), password: newPasswordSchema })
  .strict();
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;
