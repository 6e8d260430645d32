import net from "node:net";
import { ConfigError } from "./env";

/** Fails with a clear message when something already listens on the port. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new ConfigError(`Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`));
      } else if (error.code === "EACCES") {
        reject(new ConfigError(`Not allowed to listen on port ${port}. Choose a port above 1023: PORT=3000 npm start`));
      } else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
