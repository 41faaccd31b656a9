// Where Cloud Run deploys images from. Its create refuses any other registry only after the
// workload's request is sent ("Expected an image path like [host/]repo-path..., where host is one
// of [region.]gcr.io, [region-]docker.pkg.dev or docker.io"): checked here before any request.

export const REMOTE_REPO_DOCS = 'https://cloud.google.com/artifact-registry/docs/repositories/remote-repo';

/** The registry host of an image reference: Docker Hub when the first segment is not a host. */
export function registryHost(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

export type Registry = 'artifact-registry' | 'container-registry' | 'docker-hub' | 'ghcr' | 'other';

export function registryOf(image: string): Registry {
  const host = registryHost(image);
  if (/^[a-z0-9-]+-docker\.pkg\.dev$/.test(host)) return 'artifact-registry';
  if (/^([a-z]+\.)?gcr\.io$/.test(host)) return 'container-registry';
  if (host === 'docker.io') return 'docker-hub';
  if (host === 'ghcr.io') return 'ghcr';
  return 'other';
}

/** Why Cloud Run cannot deploy `image`, with the fix; undefined when it can (or may). */
export function unpullableReason(image: string): string | undefined {
  if (registryOf(image) !== 'other') return undefined;
  const host = registryHost(image);
  return (
    `Cloud Run cannot deploy images from ${host}: it deploys from Artifact Registry (REGION-docker.pkg.dev), ` +
    'Container Registry ([REGION.]gcr.io) and Docker Hub (docker.io, or no host), and public images from ghcr.io. ' +
    `Create an Artifact Registry remote repository for ${host} (${REMOTE_REPO_DOCS}) and use its path, ` +
    `REGION-docker.pkg.dev/PROJECT/REPOSITORY/${image.slice(host.length + 1)}`
  );
}

/** A notice for images Cloud Run pulls only when they are public. */
export function registryNotice(image: string): string | undefined {
  if (registryOf(image) !== 'ghcr') return undefined;
  return (
    `Input 'image': Cloud Run deploys ghcr.io images only when they are public (a private one is refused at the deploy); ` +
    `for a private image, create an Artifact Registry remote repository for ghcr.io (${REMOTE_REPO_DOCS}) and use its path.`
  );
}
