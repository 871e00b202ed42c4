/**
 * Runs one download in its own process, so a test can kill it (SIGKILL) mid-way like a crash.
 * Usage: tsx downloadInChild.ts <url> <dir>. Prints "started" once bytes are flowing.
 */
import { ModelDownloads } from "../../../../native-models/download/ModelDownloads";

const [url, dir] = process.argv.slice(2) as [string, string];
const downloads = await ModelDownloads.open({
  dir,
  isOffline: () => false,
  // Never reached: the test kills this process before the download ends.
  inspect: () => Promise.reject(new Error("not expected to finish")),
  onVerified: () => "unused",
  emit: (download) => {
    if (download.downloadedBytes > 0) process.stdout.write("started\n");
  },
});
downloads.start({ uri: url });
