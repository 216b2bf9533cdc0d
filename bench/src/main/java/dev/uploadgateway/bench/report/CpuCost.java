package dev.uploadgateway.bench.report;

import dev.uploadgateway.bench.plan.Target;

/**
 * One target's CPU in one cell: its own processes' time per successful upload and per MiB of file,
 * the part of it the JIT compiler threads took, the same over the payara-floor's and over nginx's in the same cell (how much more than the bare
 * server, and than a streaming proxy, an upload costs), and the emulator's time per upload. NaN
 * where a side was not measured; direct has no process of its own, only the emulator's figure.
 */
public record CpuCost(double msPerUpload, double msPerMiB, double jitMsPerUpload, double overFloor, double overNginx,
                      double emulatorMsPerUpload) {

    static CpuCost of(Results results, CellRecord record) {
        double perUpload = perUpload(record);
        double floor = results.find(record.cell(), Target.FLOOR).map(CpuCost::perUpload).orElse(Double.NaN);
        double nginx = results.find(record.cell(), Target.NGINX).map(CpuCost::perUpload).orElse(Double.NaN);
        int ok = record.load().ok();
        double jit = ok > 0 && record.cpu().processes() > 0 ? record.cpu().jitMs() / ok : Double.NaN;
        return new CpuCost(perUpload, record.cpu().perMiBMs(ok, record.cell().fileBytes()), jit, Ratios.ratio(perUpload, floor),
                Ratios.ratio(perUpload, nginx), record.cpu().emulatorPerUploadMs(ok));
    }

    static double perUpload(CellRecord record) {
        return record.cpu().perUploadMs(record.load().ok());
    }
}
