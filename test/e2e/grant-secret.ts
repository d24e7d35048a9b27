/**
 * The grant secret the browser tests build the sample with, so its grants publish their files and a test can
 * work out a recipient's link. A real program keeps its secret in CI, never in the repository.
 */
export const E2E_GRANT_SECRET = 'tbgs1_VqNOxqQH1sXL6sVhrkk0XlUNf2zEZtVEk2mOGQkqB1s';
