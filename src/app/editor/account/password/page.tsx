import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password";
import { ActionForm, SubmitButton, TextField } from "@/components/editor/action-form";
import { ImportantBanner } from "@/components/govuk/notification-banner";
import { PageHeading } from "@/components/govuk/heading";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const user = await requireUser("/editor/account/password", { allowPasswordChange: true });
  return (
    <div className="md:w-2/3">
      {user.mustChangePassword && (
        <ImportantBanner heading="Choose your own password">
          <p>You signed in with a one-time password. Choose your own password to carry on.</p>
        </ImportantBanner>
      )}
      <PageHeading>Change your password</PageHeading>
      <ActionForm action={changePasswordAction}>
        <TextField
          name="currentPassword"
          label={user.mustChangePassword ? "One-time password" : "Current password"}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          name="newPassword"
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password that is easy to remember. Common passwords are not allowed.`}
          type="password"
          autoComplete="new-password"
        />
        <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
        <SubmitButton>Change password</SubmitButton>
      </ActionForm>
      <p>You will need to sign in again with your new password.</p>
    </div>
  );
}
