// What the editing port and the import writer need of a Supabase client: `.rpc()`. Both the app's
// typed supabase-js client and a bare PostgrestClient (the CLI) fit, and so do the tests' stand-ins.
export type RpcClientError = { message: string; code: string; hint?: string | null; details?: string | null };

export type RpcClient = {
  rpc(fn: string, args?: Record<string, unknown>): PromiseLike<{ data: unknown; error: RpcClientError | null }>;
};
