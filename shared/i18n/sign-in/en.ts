// Sign-in by e-mail code (shared/ui/SignIn.tsx), in the extension's popup and in the sign-in frame (frame/): written
// once here, spread into each surface's own catalogue.
export const signInEn = {
  'signIn.heading': 'Sign in',
  'signIn.email': 'E-mail address',
  'signIn.sendCode': 'Send code',
  'signIn.codeSent': 'We sent a code to {email}. It works for {minutes} minutes.',
  'signIn.code': 'Sign-in code',
  'signIn.codeHint': 'The 6 digits from the e-mail.',
  'signIn.verify': 'Sign in',
  'signIn.verifying': 'Signing in…',
  'signIn.otherEmail': 'Use another address',
  'signIn.resend': 'Send a new code',
  'signIn.error.email': 'Enter your e-mail address, for example name@example.com.',
  'signIn.error.code': 'Enter the 6 digits from the e-mail, for example 123456.',
  'signIn.error.wrongCode': 'That code is not right. Check the e-mail and try again ({left} attempts left).',
  'signIn.error.noCode': 'No code is waiting for this address: it was used or replaced. Ask for a new code.',
  'signIn.error.expiredCode': 'This code has expired. Ask for a new code.',
  'signIn.error.tooMany': 'Too many attempts. Wait a few minutes, then ask for a new code.',
  'signIn.error.offline': 'The privacy service cannot be reached. Check your connection and try again.',
  'signIn.error.other': 'Something went wrong on our side. Try again in a moment.',
  'session.signedInAs': 'Signed in as {email}',
  'session.signOut': 'Sign out',
};

export type SignInKey = keyof typeof signInEn;
export type SignInMessages = Record<SignInKey, string>;
