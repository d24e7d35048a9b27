/** The names of a workspace's own files, shared by the modules that read and the ones that write them. */
export const workspaceFile = 'trustbook.workspace.yaml';
export const libraryFile = 'library.yaml';
