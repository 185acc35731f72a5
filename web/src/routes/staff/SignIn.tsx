import { SignInForm } from '../SignInForm';

export function Component() {
  return <SignInForm kind="staff" />;
}
