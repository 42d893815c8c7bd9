//! MP4 (H.264) output: OpenH264 encodes each frame (compiled from source by the `openh264`
//! crate, so nothing is installed), the `mp4` crate writes the container.
//!
//! Every frame is encoded (frame skipping off, so at a fixed quality range rather than a
//! bitrate), one thread (the same input gives the same
//! bytes), a key frame every two seconds so a player can seek; the stream's parameter sets go
//! into the track header and each frame's NAL units into its sample, length-prefixed as MP4
//! wants them.

use std::fs::File;
use std::io::BufWriter;

use mp4::{AvcConfig, MediaConfig, Mp4Config, Mp4Sample, Mp4Writer, TrackConfig, TrackType};
use openh264::encoder::{
    Encoder, EncoderConfig, FrameRate, IntraFramePeriod, QpRange, RateControlMode, UsageType,
};
use openh264::formats::{RgbaSliceU8, YUVBuffer};

use super::{FrameSink, VideoSettings};

/// Ticks per second of the track's clock.
const TIMESCALE: u32 = 90_000;
/// Quantiser range (lower is sharper, 0–51): text on the cards stays crisp.
const MIN_QP: u8 = 16;
const MAX_QP: u8 = 28;

/// H.264 in MP4, being written.
pub struct Mp4Sink {
    encoder: Encoder,
    /// Created with the first frame, whose parameter sets the track header needs.
    writer: Option<Mp4Writer<BufWriter<File>>>,
    /// The file until the writer takes it.
    file: Option<BufWriter<File>>,
    settings: VideoSettings,
    frame: u64,
}

impl Mp4Sink {
    /// An encoder for frames of `settings`, writing to `file`.
    pub fn new(file: BufWriter<File>, settings: VideoSettings) -> Result<Self, String> {
        let config = EncoderConfig::new()
            .max_frame_rate(FrameRate::from_hz(settings.fps as f32))
            .skip_frames(false)
            // Every frame kept, so no bitrate control (OpenH264's needs skipping): a fixed
            // quality range instead, sharp for text and flat map colours.
            .rate_control_mode(RateControlMode::Off)
            .qp(QpRange::new(MIN_QP, MAX_QP))
            .usage_type(UsageType::ScreenContentRealTime)
            // Neither is available for screen content; said here so OpenH264 does not warn.
            .adaptive_quantization(false)
            .background_detection(false)
            .intra_frame_period(IntraFramePeriod::from_num_frames(settings.fps * 2))
            .num_threads(1);
        let encoder = Encoder::with_api_config(openh264::OpenH264API::from_source(), config)
            .map_err(|e| format!("the H.264 encoder did not start: {e}"))?;
        Ok(Self {
            encoder,
            writer: None,
            file: Some(file),
            settings,
            frame: 0,
        })
    }

    /// The writer, started with the track described by `sps` and `pps` if not yet.
    fn writer(&mut self, sps: &[u8], pps: &[u8]) -> Result<&mut Mp4Writer<BufWriter<File>>, String> {
        if self.writer.is_none() {
            let file = self.file.take().ok_or("the file was already closed")?;
            let config = Mp4Config {
                major_brand: "isom".parse().map_err(|e| format!("{e}"))?,
                minor_version: 512,
                compatible_brands: ["isom", "iso2", "avc1", "mp41"]
                    .iter()
                    .filter_map(|b| b.parse().ok())
                    .collect(),
                timescale: TIMESCALE,
            };
            let mut writer = Mp4Writer::write_start(file, &config).map_err(|e| e.to_string())?;
            let track = TrackConfig {
                track_type: TrackType::Video,
                timescale: TIMESCALE,
                language: "und".to_owned(),
                media_conf: MediaConfig::AvcConfig(AvcConfig {
                    width: self.settings.width_px as u16,
                    height: self.settings.height_px as u16,
                    seq_param_set: sps.to_vec(),
                    pic_param_set: pps.to_vec(),
                }),
            };
            writer.add_track(&track).map_err(|e| e.to_string())?;
            self.writer = Some(writer);
        }
        self.writer.as_mut().ok_or_else(|| "no writer".to_owned())
    }
}

impl FrameSink for Mp4Sink {
    fn push(&mut self, rgba: &[u8]) -> Result<(), String> {
        let (w, h) = (self.settings.width_px as usize, self.settings.height_px as usize);
        let yuv = YUVBuffer::from_rgb_source(RgbaSliceU8::new(rgba, (w, h)));
        let bitstream = self.encoder.encode(&yuv).map_err(|e| e.to_string())?;
        let is_sync = matches!(
            bitstream.frame_type(),
            openh264::encoder::FrameType::IDR | openh264::encoder::FrameType::I
        );
        let (mut sps, mut pps, mut sample) = (None, None, Vec::new());
        for l in 0..bitstream.num_layers() {
            let Some(layer) = bitstream.layer(l) else { continue };
            for n in 0..layer.nal_count() {
                let Some(unit) = layer.nal_unit(n).map(strip_start_code) else {
                    continue;
                };
                match unit.first().map(|b| b & 0x1f) {
                    Some(7) => sps = Some(unit.to_vec()),
                    Some(8) => pps = Some(unit.to_vec()),
                    Some(_) => {
                        sample.extend_from_slice(&(unit.len() as u32).to_be_bytes());
                        sample.extend_from_slice(unit);
                    }
                    None => {}
                }
            }
        }
        if self.writer.is_none() {
            let (Some(sps), Some(pps)) = (sps, pps) else {
                return Err("the first frame carried no H.264 parameter sets".to_owned());
            };
            self.writer(&sps, &pps)?;
        }
        let fps = u64::from(self.settings.fps);
        let tick = |frame: u64| frame * u64::from(TIMESCALE) / fps;
        let start_time = tick(self.frame);
        let duration = (tick(self.frame + 1) - start_time) as u32;
        let writer = self.writer.as_mut().ok_or("no writer")?;
        writer
            .write_sample(
                1,
                &Mp4Sample {
                    start_time,
                    duration,
                    rendering_offset: 0,
                    is_sync,
                    bytes: bytes::Bytes::from(sample),
                },
            )
            .map_err(|e| e.to_string())?;
        self.frame += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), String> {
        let mut writer = self.writer.take().ok_or("no frame was recorded")?;
        writer.write_end().map_err(|e| e.to_string())?;
        use std::io::Write as _;
        writer.into_writer().flush().map_err(|e| e.to_string())
    }
}

/// A NAL unit without its Annex B start code (`00 00 01` or `00 00 00 01`).
fn strip_start_code(unit: &[u8]) -> &[u8] {
    let zeros = unit.iter().take_while(|&&b| b == 0).count();
    match unit.get(zeros) {
        Some(1) if zeros >= 2 => &unit[zeros + 1..],
        _ => unit,
    }
}
