package io.scoregateway.gateway.sim;

import io.scoregateway.allocate.AllocationPolicy;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of the contention trade-off: per campaign the share of its budget delivered under each
 * policy (bars), the 98% line, and each policy's mean base score of promoted tracks.
 */
final class ContentionPlot {
  private static final int W = 1000;
  private static final int H = 560;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 80;
  private static final int BOTTOM = 110;
  private static final double MAX_SHARE = 1.2;
  private static final Color RELEVANCE = new Color(0x7f7f7f);
  private static final Color BALANCED = new Color(0x1f77b4);

  private ContentionPlot() {}

  static void write(
      Path file, List<ContentionScenario.Spec> specs, ContentionSimulation.Outcome o, String title)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    legend(
        g,
        RELEVANCE,
        "relevance: mean base score of promoted " + mean(o, AllocationPolicy.RELEVANCE),
        52,
        LEFT);
    legend(g, BALANCED, "balanced: " + mean(o, AllocationPolicy.BALANCED), 52, LEFT + 420);
    int x0 = LEFT;
    int x1 = W - RIGHT;
    int y0 = H - BOTTOM;
    for (int p = 0; p <= 120; p += 20) {
      int y = y(p / 100.0);
      g.setColor(new Color(0xdddddd));
      g.drawLine(x0 + 1, y, x1, y);
      g.setColor(Color.BLACK);
      g.drawString(p + "%", x0 - 42, y + 4);
    }
    g.drawLine(x0, y0, x1, y0);
    g.drawLine(x0, y0, x0, TOP);
    g.drawString("delivered / budget", 8, TOP - 12);
    int groups = specs.size();
    double groupW = (x1 - x0) / (double) groups;
    int barW = (int) (groupW * 0.32);
    for (int j = 0; j < groups; j++) {
      int gx = x0 + (int) (groupW * j + groupW * 0.15);
      bar(g, RELEVANCE, gx, barW, ContentionReport.cell(o, AllocationPolicy.RELEVANCE, j));
      bar(g, BALANCED, gx + barW + 4, barW, ContentionReport.cell(o, AllocationPolicy.BALANCED, j));
      ContentionScenario.Spec s = specs.get(j);
      g.setColor(Color.BLACK);
      label(g, s.name(), gx, y0 + 18);
      label(g, "rel " + s.relevance() + ", need " + Math.round(s.need() * 100) + "%", gx, y0 + 34);
      label(g, "audience " + Math.round(s.reach() * 100) + "%", gx, y0 + 50);
    }
    g.setColor(new Color(0xd62728));
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
    g.drawLine(x0 + 1, y(ContentionReport.MIN_FEASIBLE), x1, y(ContentionReport.MIN_FEASIBLE));
    g.drawString("98%", x1 - 30, y(ContentionReport.MIN_FEASIBLE) - 4);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void bar(Graphics2D g, Color c, int x, int w, ContentionReport.Cell cell) {
    double share = Math.min(MAX_SHARE, cell.deliveredShare());
    int top = y(share);
    g.setColor(c);
    g.fillRect(x, top, w, y(0) - top);
    g.setColor(Color.BLACK);
    g.drawString(Math.round(cell.deliveredShare() * 100) + "%", x, top - 4);
  }

  private static void legend(Graphics2D g, Color c, String text, int y, int x) {
    g.setColor(c);
    g.fillRect(x, y - 10, 14, 12);
    g.setColor(Color.BLACK);
    g.drawString(text, x + 20, y);
  }

  private static void label(Graphics2D g, String text, int x, int y) {
    g.drawString(text, x, y);
  }

  private static String mean(ContentionSimulation.Outcome o, AllocationPolicy p) {
    return Double.toString(ContentionReport.round(ContentionReport.meanBase(o, p)));
  }

  private static int y(double share) {
    return H - BOTTOM - (int) ((H - BOTTOM - TOP) * share / MAX_SHARE);
  }
}
