import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

/// Domain models to API schemas; each feature maps its own, in `APIMapping+Feature.swift`
/// beside its handlers.
enum APIMapping {}
